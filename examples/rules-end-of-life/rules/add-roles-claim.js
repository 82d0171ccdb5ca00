function addRolesClaim(user, context, callback) {
  context.accessToken['https://acme.example/roles'] = (context.authorization || {}).roles || [];
  return callback(null, user, context);
}
