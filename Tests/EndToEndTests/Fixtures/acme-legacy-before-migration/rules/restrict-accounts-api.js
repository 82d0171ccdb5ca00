/**
 * Only the Accounts Sync job may hold tokens for the accounts API; every interactive login asking for that
 * audience is refused.
 */
function restrictAccountsApi(user, context, callback) {
  var audience = (context.request.query && context.request.query.audience) ||
    (context.request.body && context.request.body.audience);
  if (audience === 'https://accounts.acme.example/api') {
    return callback(new UnauthorizedError('The accounts API is reserved to the accounts sync job.'));
  }
  return callback(null, user, context);
}
