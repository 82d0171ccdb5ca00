/**
 * Login (automatic migration): checks the password against the legacy users API; on success the legacy store
 * marks the user migrated, Auth0 stores the user and never calls this script for them again.
 */
function login(email, password, callback) {
  const axios = require('axios');

  withLegacyApiToken(function (tokenError, token) {
    if (tokenError) return callback(tokenError);
    axios.post(configuration.LEGACY_API_BASE_URL + '/users/authenticate', { email: email, password: password }, {
      headers: { Authorization: 'Bearer ' + token },
      timeout: 10000,
      validateStatus: function (status) { return status < 500; }
    }).then(function (response) {
      if (response.status === 401 || response.status === 404) {
        return callback(new WrongUsernameOrPasswordError(email));
      }
      if (response.status !== 200) {
        return callback(new Error('The legacy users API answered ' + response.status));
      }
      return markMigrated(response.data, token);
    }, function (error) {
      return callback(new Error('The legacy users API is unreachable: ' + error.message));
    });
  });

  // The legacy store records that the user now lives in Auth0 (the migration's progress, and when the store can be
  // retired). If it cannot, the login fails: Auth0 then keeps nothing either, and the next login tries again.
  function markMigrated(user, token) {
    axios.patch(configuration.LEGACY_API_BASE_URL + '/users/' + encodeURIComponent(user.id) + '/migrated', {}, {
      headers: { Authorization: 'Bearer ' + token },
      timeout: 10000
    }).then(function () {
      callback(null, toProfile(user));
    }, function (error) {
      callback(new Error('The legacy users API could not mark the user migrated: ' + error.message));
    });
  }

  // Keep in step with get_user.js: both must build the same profile with the same user_id.
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

  // One token per container, shared by every login until it is about to expire.
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
