// Broken on purpose (resolves): waits for a promise that never settles; Auth0 fails the login after 20 s.
exports.onExecutePostLogin = async (event, api) => {
  await new Promise(() => {});
};
