function verify(email, callback) {
  const msg = 'Please implement the Verify script for this database connection';
  return callback(new Error(msg));
}
