'use strict';
// tenantctl script harness: runs Auth0 custom database scripts under Node the way Auth0's sandbox does
// (callback, configuration, global, the error types, require of the sandbox's modules), and post-login and
// credentials-exchange actions (exports.onExecute…(event, api) with an `api` that records every call), with every
// outbound HTTP call served from the test case's mocks. A call no mock matches fails as a network error would.
// Input: a JSON file (argv[2]) with {cases:[...], actionCases:[...], timeoutMs}. Output: one JSON document on stdout.

const vm = require('vm');
const fs = require('fs');
const util = require('util');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const GRACE_MS = input.graceMs || 50;

class WrongUsernameOrPasswordError extends Error {
  constructor(username, message) { super(message || 'Wrong email or password.'); this.name = 'WrongUsernameOrPasswordError'; this.username = username; }
}
class ValidationError extends Error {
  constructor(code, message) { super(message || code); this.name = 'ValidationError'; this.code = code; }
}
class UnauthorizedError extends Error {
  constructor(message) { super(message); this.name = 'UnauthorizedError'; }
}

function networkError(method, url) {
  const error = new Error('connect ECONNREFUSED (tenantctl harness: no mock for ' + method + ' ' + url + ')');
  error.code = 'ECONNREFUSED';
  return error;
}

/** The mock HTTP layer shared by axios, request, node-fetch and fetch for one case. */
function createNetwork(exchanges) {
  const remaining = (exchanges || []).map((e) => ({ ...e, used: false }));
  const log = [];
  function match(method, url) {
    method = (method || 'GET').toUpperCase();
    const found = remaining.find((e) => !e.used && (e.request.method || 'GET').toUpperCase() === method &&
      (e.request.url === url || url.split('?')[0] === e.request.url));
    log.push({ method, url, mocked: !!found });
    if (found) found.used = true;
    return found;
  }
  function unusedMocks() { return remaining.filter((e) => !e.used).map((e) => (e.request.method || 'GET') + ' ' + e.request.url); }
  return { match, log, unusedMocks };
}

function withQuery(url, params) {
  if (!params) return url;
  const query = Object.keys(params).map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(params[k])).join('&');
  return query ? url + (url.includes('?') ? '&' : '?') + query : url;
}

function later(fn) { setTimeout(fn, 1); }

function makeAxios(network) {
  function request(config) {
    return new Promise((resolve, reject) => {
      later(() => {
        const url = withQuery(config.url, config.params);
        const exchange = network.match(config.method, url);
        if (!exchange) return reject(networkError((config.method || 'GET').toUpperCase(), url));
        const response = { status: exchange.response.status || 200, data: exchange.response.body, headers: exchange.response.headers || {} };
        const valid = config.validateStatus ? config.validateStatus(response.status) : response.status >= 200 && response.status < 300;
        if (valid) return resolve(response);
        const error = new Error('Request failed with status code ' + response.status);
        error.response = response;
        reject(error);
      });
    });
  }
  const axios = (config, more) => (typeof config === 'string' ? request({ ...(more || {}), url: config }) : request(config));
  axios.request = request;
  for (const method of ['get', 'delete', 'head']) axios[method] = (url, config) => request({ ...(config || {}), method, url });
  for (const method of ['post', 'put', 'patch']) axios[method] = (url, data, config) => request({ ...(config || {}), method, url, data });
  axios.create = () => axios;
  axios.default = axios;
  return axios;
}

function makeRequest(network) {
  function request(options, callback) {
    if (typeof options === 'string') options = { url: options };
    const url = withQuery(options.url || options.uri, options.qs);
    later(() => {
      const exchange = network.match(options.method, url);
      if (!exchange) return callback(networkError((options.method || 'GET').toUpperCase(), url));
      const body = options.json ? exchange.response.body : JSON.stringify(exchange.response.body);
      callback(null, { statusCode: exchange.response.status || 200, body, headers: exchange.response.headers || {} }, body);
    });
  }
  for (const method of ['get', 'post', 'put', 'patch', 'del', 'delete']) {
    request[method] = (options, callback) => request({ ...(typeof options === 'string' ? { url: options } : options), method: method === 'del' ? 'DELETE' : method.toUpperCase() }, callback);
  }
  return request;
}

function makeFetch(network) {
  return function fetch(url, init) {
    init = init || {};
    return new Promise((resolve, reject) => {
      later(() => {
        const exchange = network.match(init.method, String(url));
        if (!exchange) return reject(new TypeError('fetch failed', { cause: networkError((init.method || 'GET').toUpperCase(), String(url)) }));
        const status = exchange.response.status || 200;
        const text = typeof exchange.response.body === 'string' ? exchange.response.body : JSON.stringify(exchange.response.body);
        resolve({ ok: status >= 200 && status < 300, status, headers: new Map(Object.entries(exchange.response.headers || {})),
          json: async () => JSON.parse(text), text: async () => text });
      });
    });
  };
}

// Modules Auth0's sandbox offers that need no network are Node's own; the HTTP clients are mocked.
const BUILTINS = new Set(['crypto', 'util', 'url', 'querystring', 'buffer', 'events', 'assert', 'string_decoder', 'punycode']);

function errorInfo(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Error || util.types.isNativeError(value)) return { isError: true, name: value.name, message: value.message, code: value.code };
  return { isError: false, name: typeof value, message: util.inspect(value, { depth: 2 }) };
}

function plain(value) {
  try { return JSON.parse(JSON.stringify(value === undefined ? null : value)); } catch (e) { return util.inspect(value); }
}

// An error thrown where no one can catch it (in a timer, a rejected promise nobody awaits) belongs to the case
// running; without these handlers Node would stop the whole harness.
let strayErrors = [];
process.on('uncaughtException', (error) => { strayErrors.push(error); });
process.on('unhandledRejection', (error) => { strayErrors.push(error); });

function strayThrown() {
  const error = strayErrors[0];
  return error === undefined ? undefined : { name: (error && error.name) || typeof error, message: (error && error.message) || util.inspect(error) };
}

// Where in the action's file an error was thrown, from its stack: {line, column}, or nothing.
function thrownAt(error, file) {
  const stack = (error && typeof error.stack === 'string') ? error.stack : '';
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = stack.match(new RegExp(escaped + ':(\\d+):(\\d+)'));
  return match ? { line: Number(match[1]), column: Number(match[2]) } : {};
}

function makeRequire(network, fetch) {
  return (name) => {
    if (name === 'axios' || name === 'axios@1.6.0') return makeAxios(network);
    if (name === 'request') return makeRequest(network);
    if (name === 'node-fetch') { const f = fetch; f.default = fetch; return f; }
    if (BUILTINS.has(name)) return require(name);
    throw new Error("Cannot find module '" + name + "' (not offered by the tenantctl harness; scripts reach their legacy API through axios, request, node-fetch or fetch)");
  };
}

function runCase(testCase) {
  return new Promise((resolve) => {
    const network = createNetwork(testCase.http);
    const calls = [];
    const started = Date.now();
    let settled = false;
    const fetch = makeFetch(network);
    const sandboxRequire = makeRequire(network, fetch);
    const context = vm.createContext({
      configuration: testCase.configuration || {},
      global: {},
      require: sandboxRequire,
      fetch,
      console: { log: () => {}, error: () => {}, warn: () => {}, info: () => {} },
      setTimeout, clearTimeout, setImmediate, Buffer, URL, URLSearchParams, Promise, Date, JSON, Math,
      WrongUsernameOrPasswordError, ValidationError, UnauthorizedError,
    });
    context.global = context;

    strayErrors = [];
    function finish(extra) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!extra.thrown && strayThrown()) extra = { ...extra, thrown: strayThrown() };
      resolve({
        name: testCase.name, script: testCase.script, file: testCase.file,
        calls: calls.map((args) => ({ error: errorInfo(args[0]), value: plain(args[1]), atMs: args.atMs })),
        http: network.log, unusedMocks: network.unusedMocks(), durationMs: Date.now() - started, ...extra,
      });
    }
    const timer = setTimeout(() => finish({ timedOut: true }), testCase.timeoutMs || input.timeoutMs || 20000);

    const callback = function () {
      const args = Array.prototype.slice.call(arguments);
      args.atMs = Date.now() - started;
      calls.push(args);
      // Wait a little for a second call before reporting.
      if (calls.length === 1) setTimeout(() => finish({}), GRACE_MS);
    };
    try {
      const fn = vm.runInContext('(' + testCase.code + '\n)', context, { filename: testCase.file, timeout: 5000 });
      if (typeof fn !== 'function') return finish({ thrown: { name: 'TypeError', message: 'the script does not evaluate to a function' } });
      fn.apply(null, (testCase.args || []).concat([callback]));
    } catch (error) {
      finish({ thrown: { name: error && error.name, message: error && error.message } });
    }
  });
}

// Actions: the api object of each trigger, recording every call that changes the login (cache reads and writes
// work but are not recorded). Unknown methods are missing, as on Auth0: calling one throws a TypeError.
function makeApi(trigger, record) {
  const recorder = (method) => (...args) => { record(method, args); };
  const cache = new Map();
  const api = {
    access: { deny: recorder('access.deny') },
    accessToken: { setCustomClaim: recorder('accessToken.setCustomClaim') },
    cache: {
      get: (key) => (cache.has(key) ? { value: cache.get(key) } : undefined),
      set: (key, value) => { cache.set(key, value); return { type: 'success' }; },
      delete: (key) => { cache.delete(key); return { type: 'success' }; },
    },
  };
  if (trigger === 'post-login') {
    api.accessToken.addScope = recorder('accessToken.addScope');
    api.accessToken.removeScope = recorder('accessToken.removeScope');
    api.idToken = { setCustomClaim: recorder('idToken.setCustomClaim') };
    api.user = { setAppMetadata: recorder('user.setAppMetadata'), setUserMetadata: recorder('user.setUserMetadata') };
    api.multifactor = { enable: recorder('multifactor.enable') };
    api.redirect = {
      sendUserTo: recorder('redirect.sendUserTo'),
      encodeToken: (options) => { record('redirect.encodeToken', [options]); return 'harness-redirect-token'; },
      validateToken: (options) => { record('redirect.validateToken', [options]); return {}; },
    };
    api.authentication = { recordMethod: recorder('authentication.recordMethod'), challengeWith: recorder('authentication.challengeWith'), enrollWith: recorder('authentication.enrollWith') };
    api.samlResponse = { setAttribute: recorder('samlResponse.setAttribute') };
  }
  return api;
}

// Runs the case's actions in order, as the trigger's bindings do, until one denies; each handler must resolve.
async function runActionCase(testCase) {
  const network = createNetwork(testCase.http);
  const fetch = makeFetch(network);
  const calls = [];
  const started = Date.now();
  const finished = new Set();
  const timeoutMs = testCase.timeoutMs || input.timeoutMs || 20000;
  const result = (extra) => ({ name: testCase.name, calls, http: network.log, durationMs: Date.now() - started, ...extra });
  strayErrors = [];
  let last = null;
  for (const action of testCase.actions) {
    last = action.name;
    const module = { exports: {} };
    const context = vm.createContext({
      module, exports: module.exports, require: makeRequire(network, fetch), fetch,
      console: { log: () => {}, error: () => {}, warn: () => {}, info: () => {} },
      setTimeout, clearTimeout, setImmediate, setInterval, clearInterval, Buffer, URL, URLSearchParams, Promise, Date, JSON, Math,
      TextEncoder, TextDecoder, process: { env: {} },
    });
    context.global = context;
    try {
      vm.runInContext(action.code, context, { filename: action.file, timeout: 5000 });
    } catch (error) {
      return result({ thrown: { action: action.name, name: error && error.name, message: error && error.message, loading: true, ...thrownAt(error, action.file) } });
    }
    const handler = module.exports && module.exports[testCase.handler];
    if (typeof handler !== 'function') {
      return result({ missingHandler: { action: action.name, exports: Object.keys(module.exports || {}) } });
    }
    const record = (method, args) => {
      calls.push({ action: action.name, method, args: plain(args), atMs: Date.now() - started, afterReturn: finished.has(action.name) });
    };
    const event = JSON.parse(JSON.stringify(testCase.event || {}));
    event.secrets = action.secrets || {};
    let timer;
    const outcome = await Promise.race([
      Promise.resolve().then(() => handler(event, makeApi(testCase.trigger, record))).then(() => 'resolved', (error) => ({ error })),
      new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); }),
    ]);
    clearTimeout(timer);
    finished.add(action.name);
    if (outcome === 'timeout') return result({ timedOut: action.name });
    if (outcome !== 'resolved') {
      const error = outcome.error;
      return result({ thrown: { action: action.name, name: (error && error.name) || typeof error, message: (error && error.message) || util.inspect(error), ...thrownAt(error, action.file) } });
    }
    if (calls.some((call) => call.method === 'access.deny' && !call.afterReturn)) break;
  }
  // Wait a little for calls made after a handler resolved (Auth0 ignores them).
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
  const stray = strayThrown();
  return result(stray && last ? { thrown: { action: last, ...stray } } : {});
}

(async () => {
  const results = [];
  for (const testCase of input.cases || []) results.push(await runCase(testCase));
  const actionResults = [];
  for (const testCase of input.actionCases || []) actionResults.push(await runActionCase(testCase));
  process.stdout.write(JSON.stringify({ results, actionResults }));
  process.exit(0);
})();
