// ...but get_user builds it from the email: after migration the same person exists twice.
function getUser(email, callback) {
  const axios = require('axios');
  axios.get('https://legacy.acme.example/users', { params: { email: email } })
    .then(function (response) {
      callback(null, { user_id: 'legacy|' + response.data.email, email: response.data.email });
    }, function (error) { callback(new Error('legacy API unreachable: ' + error.message)); });
}
