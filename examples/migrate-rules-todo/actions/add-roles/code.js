exports.onExecutePostLogin = async (event, api) => {
  // TODO(migrate-rules): actions do not keep `global` between executions as rules did: keep values worth caching with api.cache.set/get, or recompute them.
  global.roles = global.roles || ['customer'];
  api.idToken.setCustomClaim('https://acme.example/roles', global.roles);
  return;
};
