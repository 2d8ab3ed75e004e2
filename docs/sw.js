// The service worker: keeps this site readable offline after one visit.
//
// - On install it stores the assets every page uses (the lists the build wrote
//   below), in a cache named after the build. A page then asks it to store the
//   pages of its own language (offline.js): a reader of one language does not
//   download the other's. Python (Pyodide and the pdlogic wheel) is stored only
//   when a reader opens the guide.
// - Pages are network-first: a reader who is online always gets the newest
//   build; the stored copy is used when the network fails or is too slow.
//   Other files come from the stored copy of the same build.
// - A new build changes this file (its build id), so the browser installs the
//   new worker, which stores the new build and deletes every older cache.
// - It stores only the site's own files, under their plain URLs (no query
//   strings). It never sees, and never stores, a reader's answers: they stay in
//   the guide page's memory.

// The build replaces the object between the markers (sitegen/headers.py).
const MANIFEST = /*PD-MANIFEST*/ { build: "dev", precache: [], pages: {}, guide: [] } /*PD-MANIFEST*/;

const CACHE = `pd-site-${MANIFEST.build}`;
const ROOT = new URL("./", self.location).href;
const PAGE_TIMEOUT_MS = 6000; // on a weak signal, show the stored page after this long
const PRECACHE = new Set(MANIFEST.precache.map((p) => new URL(p, ROOT).href));
const PAGES = Object.fromEntries(
  Object.entries(MANIFEST.pages).map(([lang, list]) => [lang, new Set(list.map((p) => new URL(p, ROOT).href))]),
);
// Every file of the site the worker may keep: network-first pages and stored assets.
const SITE = new Set([...PRECACHE, ...Object.values(PAGES).flatMap((set) => [...set])]);
const GUIDE = new Set(MANIFEST.guide.map((p) => new URL(p, ROOT).href));

// The key a response is stored under: the URL without query or fragment,
// ".../index.html" stored as ".../" (how the site links its pages).
function keyOf(url) {
  const u = new URL(url);
  let path = u.pathname;
  if (path.endsWith("/index.html")) path = path.slice(0, -"index.html".length);
  return u.origin + path;
}

// One download per file, however many ask for it at once (the guide's engine
// and the "store the guide" message both ask for Python).
const downloads = new Map();
function download(url) {
  if (!downloads.has(url)) {
    const done = (async () => {
      // "no-cache": revalidate with the server, never a stale copy from the HTTP cache.
      const response = await fetch(url, { cache: "no-cache", credentials: "omit" });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const cache = await caches.open(CACHE);
      await cache.put(url, response);
    })();
    downloads.set(url, done);
    done.finally(() => downloads.delete(url)).catch(() => {});
  }
  return downloads.get(url);
}

async function store(urls) {
  const cache = await caches.open(CACHE);
  const stored = new Set((await cache.keys()).map((r) => r.url));
  const missing = [...urls].filter((url) => !stored.has(url));
  // A few at a time: quick on a good connection, gentle on a phone.
  for (let i = 0; i < missing.length; i += 6) await Promise.all(missing.slice(i, i + 6).map(download));
}

// The languages whose pages an older build's copy holds: a new build keeps the reader's
// offline copy in the same languages (and only those).
async function languagesKept() {
  const kept = new Set();
  for (const name of await caches.keys()) {
    if (name === CACHE || !name.startsWith("pd-site-")) continue;
    for (const request of await (await caches.open(name)).keys()) {
      for (const [lang, pages] of Object.entries(PAGES)) if (pages.has(request.url)) kept.add(lang);
    }
  }
  return [...kept];
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await store(PRECACHE);
      for (const lang of await languagesKept()) await store(PAGES[lang]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      // No clients.claim(): the page that installed the worker keeps loading from the
      // network; the worker serves pages from the next one on (and takes over pages
      // of an older build at once, through skipWaiting above).
    })(),
  );
});

// A page asks for its language's pages; the guide page, once open, for Python (offline.js).
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "store-pages" && PAGES[data.lang]) {
    event.waitUntil(store(PAGES[data.lang]).catch(() => {}));
  } else if (data.type === "store-guide") {
    event.waitUntil(store(GUIDE).catch(() => {}));
  }
});

async function fromCache(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

async function page(request, key) {
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.type === "basic" && SITE.has(key)) {
      const cache = await caches.open(CACHE);
      await cache.put(key, response.clone());
    }
    return response;
  });
  network.catch(() => {}); // a failure is handled below
  const slow = new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first) return first;
    return (await fromCache(key)) || (await network);
  } catch (err) {
    const stored = await fromCache(key);
    if (stored) return stored;
    throw err;
  }
}

async function file(request, key) {
  const stored = await fromCache(key);
  if (stored) return stored;
  if (GUIDE.has(key)) {
    // Python: stored on first use, then served from the store (offline next time).
    try {
      await download(key);
      const now = await fromCache(key);
      if (now) return now;
    } catch (err) {
      // Storage full or a network error: fall through to a plain request.
    }
  }
  return fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(ROOT)) return; // not ours: the browser handles it
  const key = keyOf(request.url);
  if (!SITE.has(key) && !GUIDE.has(key)) return;
  const isPage = request.mode === "navigate" || key.endsWith("/") || key.endsWith(".html");
  event.respondWith(isPage ? page(request, key) : file(request, key));
});
