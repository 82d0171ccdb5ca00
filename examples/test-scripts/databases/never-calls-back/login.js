// Broken on purpose (callback-once): when the legacy API is down the error is swallowed and Auth0 waits 20 s.
function login(email, password, callback) {
  const axios = require('axios');
  axios.post('https://legacy.acme.example/authenticate', { email: email, password: password })
    .then(function (response) { callback(null, { user_id: 'legacy|' + response.data.id, email: email }); })
    .catch(function () { /* forgot to call back */ });
}
