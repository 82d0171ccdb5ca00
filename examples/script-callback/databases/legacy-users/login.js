function login(email, password, callback) {
  const axios = require('axios');
  axios.post(configuration.LEGACY_API_URL + '/login', { email: email, password: password }, { timeout: 10000 }).then(function (response) {
    if (response.status !== 200) {
      callback(new WrongUsernameOrPasswordError(email));
    }
    return callback(null, { user_id: 'legacy|' + response.data.id, email: response.data.email, name: response.data.name });
  }, function (error) {
    return callback(new Error('The legacy users API is unreachable: ' + error.message));
  });
}
