function login(email, password, callback) {
  const mysql = require('mysql');
  const bcrypt = require('bcrypt');
  const connection = mysql.createConnection({
    host: configuration.DB_HOST,
    user: configuration.DB_USER,
    password: configuration.DB_PASSWORD,
    database: 'legacy'
  });
  connection.query('SELECT id, email, name, password_hash FROM users WHERE email = ?', [email], function (error, rows) {
    connection.end();
    if (error) return callback(new Error('The legacy database is unreachable: ' + error.message));
    if (rows.length === 0) return callback(new WrongUsernameOrPasswordError(email));
    bcrypt.compare(password, rows[0].password_hash, function (compareError, matches) {
      if (compareError || !matches) return callback(new WrongUsernameOrPasswordError(email));
      return callback(null, { user_id: 'legacy|' + rows[0].id, email: rows[0].email, name: rows[0].name });
    });
  });
}
