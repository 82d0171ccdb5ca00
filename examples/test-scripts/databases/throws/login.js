// Broken on purpose (no-throw): reads a configuration value that is not set and throws before calling back.
function login(email, password, callback) {
  const base = configuration.LEGACY_API.replace(/\/$/, '');
  callback(null, { user_id: 'legacy|1', email: email, base: base });
}
