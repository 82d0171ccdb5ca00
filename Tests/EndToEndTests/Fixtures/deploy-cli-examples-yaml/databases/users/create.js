function create(user, callback) {
  const msg = 'Please implement the Create script for this database connection';
  return callback(new Error(msg));
}
