function changePassword(email, newPassword, callback) {
  const axios = require('axios');
  axios.put(configuration.LEGACY_API_URL + '/users/password', { email: email, password: newPassword }, { timeout: 10000 }).then(function (response) {
    return callback(null, response.status === 204);
  }, function (error) {
    return callback(new Error('The legacy users API is unreachable: ' + error.message));
  });
}
