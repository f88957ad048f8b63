/**
 * A file-system failure in words a person can act on, for the messages of reads, writes and locks
 * (Node's own text, "EROFS: read-only file system, open '…'", repeats the path and shows the errno).
 */
export function fsReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EIO':
      return 'input/output error';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return message;
  }
}
