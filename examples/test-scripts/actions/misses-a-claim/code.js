// Broken on purpose (expectation): its test case expects the plan claim, which the action forgets for gold users.
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.plan !== 'gold') {
    api.idToken.setCustomClaim('https://acme.example/plan', event.user.app_metadata.plan || 'free');
  }
};
