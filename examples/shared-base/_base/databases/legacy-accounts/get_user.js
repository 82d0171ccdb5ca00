/** Finds a user who has not migrated yet (password resets, sign-up checks): null when there is none. */
function getByEmail(email, callback) {
  const request = require('request');
  const lookup = configuration.LEGACY_API_BASE_URL + '/v1/accounts?email=' + encodeURIComponent(email);
  request.get({ url: lookup, headers: { 'x-api-key': configuration.LEGACY_API_KEY }, json: true, timeout: 8000 },
    function (error, response, account) {
      if (error) return callback(new Error('legacy accounts API unreachable: ' + error.message));
      if (response.statusCode === 404) return callback(null);
      if (response.statusCode !== 200) return callback(new Error('legacy accounts lookup failed: ' + response.statusCode));
      callback(null, { user_id: 'legacy|' + account.id, email: account.email, email_verified: account.verified === true });
    });
}
