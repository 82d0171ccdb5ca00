/**
 * Change Password: a password reset for a user who has not logged in since the migration started updates the
 * legacy store, so their next login (and migration) uses the new password.
 */
function changePassword(email, newPassword, callback) {
  const axios = require('axios');

  withLegacyApiToken(function (tokenError, token) {
    if (tokenError) return callback(tokenError);
    axios.put(configuration.LEGACY_API_BASE_URL + '/users/password', { email: email, password: newPassword }, {
      headers: { Authorization: 'Bearer ' + token },
      timeout: 10000,
      validateStatus: function (status) { return status < 500; }
    }).then(function (response) {
      if (response.status === 404) return callback(null, false);
      if (response.status !== 204 && response.status !== 200) {
        return callback(new Error('The legacy users API answered ' + response.status));
      }
      return callback(null, true);
    }, function (error) {
      return callback(new Error('The legacy users API is unreachable: ' + error.message));
    });
  });

  // One token per container, shared by every call until it is about to expire.
  function withLegacyApiToken(done) {
    const cached = global.legacyApiToken;
    if (cached && cached.expiresAt > Date.now() + 60000) return done(null, cached.value);
    axios.post(configuration.TOKEN_URL, {
      grant_type: 'client_credentials',
      client_id: configuration.CLIENT_ID,
      client_secret: configuration.CLIENT_SECRET,
      audience: configuration.LEGACY_API_AUDIENCE
    }, { timeout: 10000 }).then(function (response) {
      global.legacyApiToken = global.legacyApiToken || {};
      global.legacyApiToken.value = response.data.access_token;
      global.legacyApiToken.expiresAt = Date.now() + response.data.expires_in * 1000;
      done(null, response.data.access_token);
    }, function (error) {
      done(new Error('Could not get a token for the legacy users API: ' + error.message));
    });
  }
}
