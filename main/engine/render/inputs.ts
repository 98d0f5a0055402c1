/** The `-i` list of one ffmpeg run: each input added once, referred to by its index in the graph. */
export class InputList {
  private readonly args: string[][] = [];

  add(inputArgs: string[]): number {
    this.args.push(inputArgs);
    return this.args.length - 1;
  }

  toArgs(): string[] {
    return this.args.flat();
  }
}
