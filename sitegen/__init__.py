"""Around the engine: the site build, the MkDocs hooks that generate pages from
decision_tree/, and the local server. Nothing here runs in the browser."""
