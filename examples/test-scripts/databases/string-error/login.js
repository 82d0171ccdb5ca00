// Broken on purpose (error-object): Auth0 needs an Error object, not a string.
function login(email, password, callback) {
  const axios = require('axios');
  axios.post('https://legacy.acme.example/authenticate', { email: email, password: password })
    .then(function (response) { callback(null, { user_id: 'legacy|' + response.data.id, email: email }); },
      function () { callback('the legacy API is down'); });
}
