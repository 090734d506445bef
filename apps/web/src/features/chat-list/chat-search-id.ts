/** The id of the chat list's search field, which the "focus search" shortcut focuses. */
export const chatSearchId = 'chat-search';
