// Broken on purpose (profile-consistency): login builds user_id from the numeric id...
function login(email, password, callback) {
  const axios = require('axios');
  axios.post('https://legacy.acme.example/authenticate', { email: email, password: password })
    .then(function (response) {
      callback(null, { user_id: 'legacy|' + response.data.id, email: response.data.email, name: response.data.name });
    }, function (error) { callback(new Error('legacy API unreachable: ' + error.message)); });
}
