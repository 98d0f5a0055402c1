import { makeMedia } from './media';

export default function globalSetup(): void {
  makeMedia();
}
