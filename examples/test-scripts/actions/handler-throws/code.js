// Broken on purpose (no-throw): reads the roles of a user who has none, and throws; the login fails with an error.
exports.onExecutePostLogin = async (event, api) => {
  const roles = event.user.app_metadata.roles.join(',');
  api.idToken.setCustomClaim('https://acme.example/roles', roles);
};
