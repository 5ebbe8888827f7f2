global using Harness.Pact;
