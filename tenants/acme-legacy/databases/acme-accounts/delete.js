/** Delete: removing a user in Auth0 removes the account from the accounts store. */
function deleteUser(id, callback) {
  const axios = require('axios');
  const accountId = String(id).replace(/^acme\|/, '');
  axios.delete(configuration.ACCOUNTS_API_BASE_URL + '/accounts/' + encodeURIComponent(accountId), {
    headers: { 'x-api-key': configuration.ACCOUNTS_API_KEY },
    timeout: 10000,
    validateStatus: function (status) { return status < 500; }
  }).then(function (response) {
    if (response.status !== 204 && response.status !== 404) return callback(new Error('The accounts API answered ' + response.status));
    return callback(null);
  }, function (error) {
    return callback(new Error('The accounts API is unreachable: ' + error.message));
  });
}
