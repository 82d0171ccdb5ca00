/** Login (legacy authentication): every login is checked against the accounts store. */
function login(email, password, callback) {
  const axios = require('axios');
  axios.post(configuration.ACCOUNTS_API_BASE_URL + '/authenticate', { email: email, password: password }, {
    headers: { 'x-api-key': configuration.ACCOUNTS_API_KEY },
    timeout: 10000,
    validateStatus: function (status) { return status < 500; }
  }).then(function (response) {
    if (response.status === 401 || response.status === 404) return callback(new WrongUsernameOrPasswordError(email));
    if (response.status !== 200) return callback(new Error('The accounts API answered ' + response.status));
    const account = response.data;
    return callback(null, {
      user_id: 'acme|' + account.id,
      email: account.email,
      email_verified: account.verified === true,
      name: account.display_name
    });
  }, function (error) {
    return callback(new Error('The accounts API is unreachable: ' + error.message));
  });
}
