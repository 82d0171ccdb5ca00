function getUser(email, callback) {
  const axios = require('axios');
  axios.get(configuration.LEGACY_API_URL + '/users', { params: { email: email }, timeout: 10000 }).then(function (response) {
    if (response.status === 404) return callback(null);
    return callback(null, { user_id: 'legacy|' + response.data.email, email: response.data.email, name: response.data.name });
  }, function (error) {
    return callback(new Error('The legacy users API is unreachable: ' + error.message));
  });
}
