/** @type {PostLoginAction} */
exports.onExecutePostLogin = async (event, api) => {
  if (event.secrets.MY_SECRET) {
    api.idToken.setCustomClaim('https://myapp.com/greeting', 'hello');
  }
};
