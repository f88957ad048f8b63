/** A window keydown handler that runs `cancel` on Escape: every form and dialog closes the same way. */
export function onEscape(cancel: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };
}
