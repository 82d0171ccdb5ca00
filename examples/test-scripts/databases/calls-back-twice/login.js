// Broken on purpose (callback-once): the error path calls back, then falls through and calls back again.
function login(email, password, callback) {
  const axios = require('axios');
  axios.post('https://legacy.acme.example/authenticate', { email: email, password: password })
    .then(function (response) { callback(null, { user_id: 'legacy|' + response.data.id, email: email }); },
      function (error) {
        callback(new Error('legacy API unreachable: ' + error.message));
        callback(new WrongUsernameOrPasswordError(email));
      });
}
