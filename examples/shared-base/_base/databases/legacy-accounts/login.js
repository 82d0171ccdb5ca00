/** Login (automatic migration) against the legacy accounts API that every stage shares. */
function login(email, password, callback) {
  const request = require('request');
  request.post({
    url: configuration.LEGACY_API_BASE_URL + '/v1/sessions',
    headers: { 'x-api-key': configuration.LEGACY_API_KEY },
    json: { email: email, password: password },
    timeout: 8000
  }, function (error, response, body) {
    if (error) return callback(new Error('legacy accounts API unreachable: ' + error.message));
    if (response.statusCode === 401) return callback(new WrongUsernameOrPasswordError(email));
    if (response.statusCode !== 200) return callback(new Error('legacy accounts API answered ' + response.statusCode));
    return callback(null, { user_id: 'legacy|' + body.id, email: body.email, email_verified: body.verified === true });
  });
}
