/**
 * Only the Accounts Sync job may hold tokens for the accounts API; every interactive login asking for that
 * audience is refused.
 */
exports.onExecutePostLogin = async (event, api) => {
  var audience = (event.request.query && event.request.query.audience) ||
    (event.request.body && event.request.body.audience);
  if (audience === 'https://accounts.acme.example/api') {
    return api.access.deny('The accounts API is reserved to the accounts sync job.');
  }
  return;
};
