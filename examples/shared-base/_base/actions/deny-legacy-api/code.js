/** No user login may get a token for the legacy accounts API: only the migration scripts' client uses it. */
exports.onExecutePostLogin = async (event, api) => {
  if (event.resource_server?.identifier === 'https://accounts.acme.example/legacy') {
    api.access.deny('The legacy accounts API serves the user migration only.');
  }
};
