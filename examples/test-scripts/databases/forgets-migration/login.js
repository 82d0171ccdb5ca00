// Broken on purpose: in import mode, a successful login must also tell the legacy store that the user moved
// (tests.yaml declares that request under `migration:`); this one never does.
function login(email, password, callback) {
  fetch('https://legacy.acme.example/authenticate', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: email, password: password })
  }).then(function (response) {
    if (response.status === 401) return callback(new WrongUsernameOrPasswordError(email));
    return response.json().then(function (user) {
      callback(null, { user_id: 'legacy|' + user.id, email: user.email });
    });
  }).catch(function (error) {
    callback(new Error('legacy API unreachable: ' + error.message));
  });
}
