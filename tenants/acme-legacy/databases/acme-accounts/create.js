/** Create: sign-ups are written to the accounts store; an existing email is a `user_exists` validation error. */
function create(user, callback) {
  const axios = require('axios');
  axios.post(configuration.ACCOUNTS_API_BASE_URL + '/accounts', { email: user.email, password: user.password }, {
    headers: { 'x-api-key': configuration.ACCOUNTS_API_KEY },
    timeout: 10000,
    validateStatus: function (status) { return status < 500; }
  }).then(function (response) {
    if (response.status === 409) return callback(new ValidationError('user_exists', 'An account with this email already exists.'));
    if (response.status !== 201) return callback(new Error('The accounts API answered ' + response.status));
    return callback(null);
  }, function (error) {
    return callback(new Error('The accounts API is unreachable: ' + error.message));
  });
}
