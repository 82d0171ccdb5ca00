/** A password reset for a user still in the legacy store updates it there too, so both agree until they migrate. */
function changePassword(email, newPassword, callback) {
  const request = require('request');
  request.put({
    url: configuration.LEGACY_API_BASE_URL + '/v1/accounts/password',
    headers: { 'x-api-key': configuration.LEGACY_API_KEY },
    json: { email: email, password: newPassword },
    timeout: 8000
  }, function (error, response) {
    if (error) return callback(new Error('legacy accounts API unreachable: ' + error.message));
    if (response.statusCode === 404) return callback(null, false);
    if (response.statusCode !== 204) return callback(new Error('legacy password change failed: ' + response.statusCode));
    return callback(null, true);
  });
}
