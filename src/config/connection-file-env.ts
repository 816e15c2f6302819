/** Names the connection file, as `tally --connection <file>` does. */
export const CONNECTION_FILE_ENV = 'TALLY_CONNECTION';
