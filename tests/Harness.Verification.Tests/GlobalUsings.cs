global using Harness.Verification.Tests.Support;
