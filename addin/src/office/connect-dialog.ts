// Runs in the sign-in dialog (/addin/connect) once the user has signed in: sends the new API token to the pane.
Office.onReady(() => {
  const token = document.getElementById('connect-token')?.dataset.token;
  if (token) Office.context.ui.messageParent(JSON.stringify({ token }));
});
