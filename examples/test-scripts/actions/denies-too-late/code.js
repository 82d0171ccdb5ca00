// Broken on purpose (after-return): denies in a callback that runs after the handler resolved; Auth0 ignores it.
exports.onExecutePostLogin = async (event, api) => {
  setTimeout(() => api.access.deny('Too late: the login already went through.'), 1);
};
