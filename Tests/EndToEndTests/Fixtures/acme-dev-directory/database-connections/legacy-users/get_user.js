/**
 * Get User (automatic migration): tells Auth0 whether a user exists in the legacy store, for password resets
 * and sign-up checks. Not found is `callback(null)`; an unknown answer is an error.
 */
function getUser(email, callback) {
  const axios = require('axios');

  withLegacyApiToken(function (tokenError, token) {
    if (tokenError) return callback(tokenError);
    axios.get(configuration.LEGACY_API_BASE_URL + '/users', {
      params: { email: email },
      headers: { Authorization: 'Bearer ' + token },
      timeout: 10000,
      validateStatus: function (status) { return status < 500; }
    }).then(function (response) {
      if (response.status === 404) return callback(null);
      if (response.status !== 200) {
        return callback(new Error('The legacy users API answered ' + response.status));
      }
      return callback(null, toProfile(response.data));
    }, function (error) {
      return callback(new Error('The legacy users API is unreachable: ' + error.message));
    });
  });

  // Keep in step with login.js: both must build the same profile with the same user_id.
  function toProfile(user) {
    return {
      user_id: 'legacy|' + user.id,
      email: user.email,
      email_verified: user.email_verified === true,
      name: user.name,
      given_name: user.first_name,
      family_name: user.last_name
    };
  }

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
