/** Get User: whether an account exists, with the same profile login builds. */
function getUser(email, callback) {
  const axios = require('axios');
  axios.get(configuration.ACCOUNTS_API_BASE_URL + '/accounts', {
    params: { email: email },
    headers: { 'x-api-key': configuration.ACCOUNTS_API_KEY },
    timeout: 10000,
    validateStatus: function (status) { return status < 500; }
  }).then(function (response) {
    if (response.status === 404) return callback(null);
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
