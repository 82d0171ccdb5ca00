/**
 * Change Email: keeps the accounts store's email in step when support changes a user's email through the
 * Management API. Auth0's dashboard cannot edit this script and deletes it when the connection is saved there.
 */
function changeEmail(email, newEmail, verified, callback) {
  const axios = require('axios');
  axios.put(configuration.ACCOUNTS_API_BASE_URL + '/accounts/email', { email: email, new_email: newEmail, verified: verified }, {
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
