// Broken on purpose (handler-export): a post-login action must export onExecutePostLogin.
exports.onExecutePostLogIn = async (event, api) => {
  api.idToken.setCustomClaim('https://acme.example/plan', 'gold');
};
