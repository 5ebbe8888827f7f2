global using Harness.ApiFacts;
global using Harness.Client;
global using Harness.Client.Models;
global using Harness.Contracts.Support;
global using Harness.Pact;
global using Harness.Pact.Matchers;
