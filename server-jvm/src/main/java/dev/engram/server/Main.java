package dev.engram.server;

/** Entry point of the engram jar: runs one CLI verb and exits with its code ({@code serve} runs until stopped). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
