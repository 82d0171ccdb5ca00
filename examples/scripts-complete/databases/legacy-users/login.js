function login(email, password, callback) {
  return callback(new WrongUsernameOrPasswordError(email));
}
