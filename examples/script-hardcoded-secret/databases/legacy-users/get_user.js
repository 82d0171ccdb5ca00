function getUser(email, callback) {
  const axios = require('axios');
  const legacyApiKey = 'lk_9f3Kq2Xv7Lm4Tz8Rw1Yb6Hn0';
  axios.get(configuration.LEGACY_API_URL + '/users', { params: { email: email }, headers: { 'X-Api-Key': legacyApiKey }, timeout: 10000 }).then(function (response) {
    if (response.status === 404) return callback(null);
    return callback(null, { user_id: 'legacy|' + response.data.id, email: response.data.email, name: response.data.name });
  }, function (error) {
    return callback(new Error('The legacy users API is unreachable: ' + error.message));
  });
}
