/** Verify: marks the account's email as verified once the user follows the verification link. */
function verify(email, callback) {
  const axios = require('axios');
  axios.post(configuration.ACCOUNTS_API_BASE_URL + '/accounts/verify', { email: email }, {
    headers: { 'x-api-key': configuration.ACCOUNTS_API_KEY },
    timeout: 10000,
    validateStatus: function (status) { return status < 500; }
  }).then(function (response) {
    if (response.status === 404) return callback(null, false);
    if (response.status !== 204) return callback(new Error('The accounts API answered ' + response.status));
    return callback(null, true);
  }, function (error) {
    return callback(new Error('The accounts API is unreachable: ' + error.message));
  });
}
